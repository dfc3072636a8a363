namespace PoleKnowledge.Extensions.Forms;

/// <summary>An uploaded file as the Forms API carries it: a name and the decoded bytes of its data URL.</summary>
public sealed record FormUpload(string FileName, byte[] Content);
