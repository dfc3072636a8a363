namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Takes the accepted entries of the forms whose definition names it in <c>handler</c>, instead of the
/// generic entry store. It may still refuse an entry with errors per field (a closed group, a double sign-up).
/// </summary>
public interface IFormSubmissionHandler
{
    string Name { get; }

    Task<FormHandlerResult> HandleAsync(FormEntry entry, CancellationToken cancellationToken);
}
