using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Hosting;

/// <summary>Thrown at start-up when <c>content-schema/</c> is invalid: the host prints the problems and stops.</summary>
public sealed class SchemaLoadException : Exception
{
    public SchemaLoadException(IReadOnlyList<SchemaProblem> problems)
        : base($"content-schema/ is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    public SchemaLoadException()
    {
        Problems = [];
    }

    public SchemaLoadException(string message) : base(message)
    {
        Problems = [];
    }

    public SchemaLoadException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<SchemaProblem> Problems { get; }
}
