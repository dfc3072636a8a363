namespace PoleKnowledge.Extensions.Forms;

/// <summary>How a submission ended; the API maps each to its status code.</summary>
public enum FormSubmissionStatus
{
    /// <summary>202.</summary>
    Accepted,
    /// <summary>202 as well, but nothing was stored: honeypot filled or posted faster than a person can.</summary>
    Dropped,
    /// <summary>422 with errors per field.</summary>
    Invalid,
    /// <summary>400: no or forged fill-time token.</summary>
    BadRequest,
}
