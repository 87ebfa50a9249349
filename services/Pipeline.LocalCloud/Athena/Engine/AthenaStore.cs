using System.Text.Json.Serialization;
using Pipeline.AwsShapes.Athena;
using Pipeline.LocalCloud.Athena.Sql;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// Athena's workgroups and query history, kept in <c>&lt;data dir&gt;/athena/state.json</c> (a
/// <see cref="StateDocument{T}"/>). <see cref="Gate"/> guards <see cref="State"/>: whoever changes it does so, and
/// calls <see cref="Save"/>, holding the gate. Loading adds the primary workgroup when missing and fails the queries
/// a stopped LocalCloud left QUEUED or RUNNING, as no run will finish them.
/// </summary>
internal sealed class AthenaStore
{
    public const string Folder = "athena";

    public const string PrimaryWorkGroup = "primary";

    private const string Interrupted = "GENERIC_INTERNAL_ERROR: LocalCloud stopped while the query ran";

    private readonly StateDocument<AthenaState> _file;
    private readonly TimeProvider _time;

    public AthenaStore(string dataDirectory, TimeProvider time)
    {
        _time = time;
        _file = new(Path.Combine(dataDirectory, Folder, "state.json"), AthenaStateJsonContext.Default.AthenaState);
        State = Load();
    }

    /// <summary>The engine version every workgroup and query reports.</summary>
    public static EngineVersion EngineVersion { get; } = new() { SelectedEngineVersion = "AUTO", EffectiveEngineVersion = "Athena engine version 3" };

    public Lock Gate { get; } = new();

    public AthenaState State { get; }

    /// <summary>Now, to the millisecond, as Athena's timestamps are.</summary>
    public DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());

    // Callers hold Gate.
    public void Save() => _file.Save(State);

    // Callers hold Gate.
    public WorkGroup FindWorkGroup(string name) =>
        State.WorkGroups.FirstOrDefault(w => w.Name == name) ?? throw AthenaValidation.InvalidRequest($"WorkGroup {name} is not found.");

    // Callers hold Gate.
    public StoredExecution FindExecution(string? id)
    {
        if (id is null)
        {
            throw AthenaValidation.Missing("queryExecutionId");
        }

        return State.Executions.FirstOrDefault(e => e.Execution.QueryExecutionId == id)
            ?? throw AthenaValidation.InvalidRequest($"QueryExecution {id} was not found");
    }

    private AthenaState Load()
    {
        var state = _file.Load() ?? new AthenaState();
        if (!state.WorkGroups.Any(w => w.Name == PrimaryWorkGroup))
        {
            state.WorkGroups.Add(new WorkGroup
            {
                Name = PrimaryWorkGroup,
                State = WorkGroupStateValues.Enabled,
                Configuration = new WorkGroupConfiguration { EnforceWorkGroupConfiguration = false, PublishCloudWatchMetricsEnabled = false, RequesterPaysEnabled = false, EngineVersion = EngineVersion },
                Description = "",
                CreationTime = Now(),
            });
        }

        for (var i = 0; i < state.Executions.Count; i++)
        {
            var e = state.Executions[i].Execution;
            if (e.Status!.State is QueryExecutionStateValues.Queued or QueryExecutionStateValues.Running)
            {
                var status = e.Status with
                {
                    State = QueryExecutionStateValues.Failed,
                    StateChangeReason = Interrupted,
                    CompletionDateTime = Now(),
                    AthenaError = new AthenaError { ErrorCategory = QueryErrors.System, ErrorType = QueryErrors.InternalError, Retryable = true, ErrorMessage = Interrupted },
                };
                state.Executions[i] = state.Executions[i] with { Execution = e with { Status = status } };
            }
        }

        return state;
    }
}

/// <summary>The contents of <c>&lt;data dir&gt;/athena/state.json</c>.</summary>
internal sealed class AthenaState
{
    public List<WorkGroup> WorkGroups { get; set; } = [];

    public List<StoredExecution> Executions { get; set; } = [];
}

/// <summary>A query execution as kept in the state file: what Athena reports, plus what GetQueryResults needs.</summary>
internal sealed record StoredExecution
{
    public required QueryExecution Execution { get; init; }

    public string? ClientRequestToken { get; init; }

    public List<ColumnInfo>? Columns { get; init; }

    /// <summary>True for SELECT results, whose first CSV row names the columns.</summary>
    public bool HasHeaderRow { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AthenaState))]
internal sealed partial class AthenaStateJsonContext : JsonSerializerContext;
