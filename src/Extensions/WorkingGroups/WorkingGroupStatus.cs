namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>The values of the <c>workingGroup.status</c> property (content-schema/document-types/workingGroup.json).</summary>
public static class WorkingGroupStatus
{
    public const string Upcoming = "a-venir";
    public const string Open = "inscriptions-ouvertes";
    public const string Running = "en-cours";
    public const string Finished = "termine";
}
