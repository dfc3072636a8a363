namespace PoleKnowledge.Cms.Import;

/// <summary>What an import did: counts and one error per bad file (the run never stops at a bad file).</summary>
public sealed class ImportReport
{
    public int Files { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public List<ImportError> Errors { get; } = [];
    public TimeSpan Elapsed { get; set; }

    public bool Succeeded => Errors.Count == 0;
}

/// <summary>One file that could not be imported, and why (field: message).</summary>
public sealed record ImportError(string File, string Message);

/// <summary>Progress of an import: files done of total.</summary>
public readonly record struct ImportProgress(int Done, int Total, string CurrentFile);
