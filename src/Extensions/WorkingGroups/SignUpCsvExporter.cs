using System.Globalization;
using System.Text;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// Sign-ups of a group as CSV for editors: semicolon-separated with a UTF-8 BOM (what French Excel opens
/// correctly), quoted fields, and cells starting with = + - @ neutralised against formula injection.
/// </summary>
public sealed class SignUpCsvExporter(SignUpStore signUps)
{
    private static readonly string[] Header = ["Statut", "Position", "Nom", "Courriel", "Structure", "Fonction", "Catégorie", "Apporte", "Attend", "Inscrit le (UTC)", "Courriel confirmé le (UTC)"];

    public async Task WriteAsync(Guid groupKey, Stream output, CancellationToken cancellationToken = default)
    {
        var rows = await signUps.ListAsync(groupKey, cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(';', Header.Select(Cell)));
        foreach (var row in rows)
        {
            string[] cells =
            [
                StatusLabel(row.Status), row.Position.ToString(CultureInfo.InvariantCulture), row.Name, row.Email, row.StructureName ?? "", row.Role ?? "",
                row.Category ?? "", row.Brings ?? "", row.Expects ?? "", row.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.EmailConfirmedUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
            ];
            await writer.WriteLineAsync(string.Join(';', cells.Select(Cell)));
        }
        await writer.FlushAsync(cancellationToken);
    }

    public static string StatusLabel(SignUpStatus status) => status switch
    {
        SignUpStatus.PendingEmail => "En attente de confirmation du courriel",
        SignUpStatus.Confirmed => "Confirmé",
        SignUpStatus.Waiting => "Liste d'attente",
        SignUpStatus.Cancelled => "Annulé",
        SignUpStatus.Declined => "Refusé",
        _ => status.ToString(),
    };

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
