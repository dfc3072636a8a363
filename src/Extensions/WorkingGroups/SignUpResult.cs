namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>Why a sign-up operation succeeded or not; the form handler and the pages turn it into messages.</summary>
public enum SignUpResult
{
    /// <summary>Stored; the double opt-in e-mail is sent.</summary>
    PendingEmail,
    Confirmed,
    Waiting,
    Cancelled,
    GroupNotFound,
    GroupClosed,
    AlreadySignedUp,
    InvalidToken,
    AlreadyCancelled,
    /// <summary>An editor tried to move to a seat a sign-up that is not on the waiting list.</summary>
    NotWaiting,
    /// <summary>The confirmation link is older than <see cref="SignUpOptions.ConfirmLinkLifetime"/>: nothing confirmed, a new link can be asked for.</summary>
    LinkExpired,
    /// <summary>A fresh confirmation link was sent to the sign-up's address.</summary>
    LinkResent,
}
