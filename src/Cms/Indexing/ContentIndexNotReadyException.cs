namespace PoleKnowledge.Cms.Indexing;

/// <summary>Thrown by queries while the first build of the content index runs (the API answers 503 with Retry-After).</summary>
public sealed class ContentIndexNotReadyException : Exception
{
    public ContentIndexNotReadyException() : base("The content index is being built; try again in a few seconds.")
    {
    }

    public ContentIndexNotReadyException(string message) : base(message)
    {
    }

    public ContentIndexNotReadyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
