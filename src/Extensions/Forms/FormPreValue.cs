namespace PoleKnowledge.Extensions.Forms;

/// <summary>One choice of a single-choice, multiple-choice or dropdown field.</summary>
public sealed record FormPreValue(string Value, string Caption);
