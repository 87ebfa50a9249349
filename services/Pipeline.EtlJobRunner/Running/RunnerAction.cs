using System.Text.Json.Serialization;

namespace Pipeline.EtlJobRunner.Running;

/// <summary>What the runner did about one crawler event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunnerAction>))]
public enum RunnerAction
{
    /// <summary>A job run was started.</summary>
    Started,

    /// <summary>A run for this event id exists already (EventBridge delivered the event again).</summary>
    Duplicate,

    /// <summary>Not a crawler of this deployment, or not a final state.</summary>
    Ignored,
}
