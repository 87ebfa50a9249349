namespace Pipeline.LocalCloud.Events;

/// <summary>Whether a rule matches events; the wire names are <c>ENABLED</c> and <c>DISABLED</c>.</summary>
public enum RuleState
{
    Enabled,
    Disabled,
}
