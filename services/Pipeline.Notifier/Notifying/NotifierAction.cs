using System.Text.Json.Serialization;

namespace Pipeline.Notifier.Notifying;

/// <summary>What the notifier did about one job event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotifierAction>))]
public enum NotifierAction
{
    /// <summary>A notification was published.</summary>
    Published,

    /// <summary>Not a job of this deployment, or not a final state.</summary>
    Ignored,
}
