using Pipeline.LocalCloud.Athena.Api;
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
        _file = new(Path.Combine(dataDirectory, Folder, "state.json"), AthenaApiJsonContext.Default.AthenaState);
        State = Load();
    }

    public Lock Gate { get; } = new();

    public AthenaState State { get; }

    /// <summary>Seconds since the epoch, as Athena's timestamps are.</summary>
    public double Now() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    // Callers hold Gate.
    public void Save() => _file.Save(State);

    // Callers hold Gate.
    public WorkGroup FindWorkGroup(string name) =>
        State.WorkGroups.FirstOrDefault(w => w.Name == name) ?? throw AthenaErrors.InvalidRequest($"WorkGroup {name} is not found.");

    // Callers hold Gate.
    public StoredExecution FindExecution(string? id)
    {
        if (id is null)
        {
            throw AthenaErrors.Missing("queryExecutionId");
        }

        return State.Executions.FirstOrDefault(e => e.Execution.QueryExecutionId == id)
            ?? throw AthenaErrors.InvalidRequest($"QueryExecution {id} was not found");
    }

    private AthenaState Load()
    {
        var state = _file.Load() ?? new AthenaState();
        if (!state.WorkGroups.Any(w => w.Name == PrimaryWorkGroup))
        {
            state.WorkGroups.Add(new WorkGroup
            {
                Name = PrimaryWorkGroup,
                State = WorkGroupState.Enabled,
                Configuration = new WorkGroupConfiguration { EnforceWorkGroupConfiguration = false, PublishCloudWatchMetricsEnabled = false, RequesterPaysEnabled = false, EngineVersion = EngineVersion.Default },
                Description = "",
                CreationTime = Now(),
            });
        }

        for (var i = 0; i < state.Executions.Count; i++)
        {
            var e = state.Executions[i].Execution;
            if (e.Status.State is QueryExecutionState.Queued or QueryExecutionState.Running)
            {
                state.Executions[i] = state.Executions[i] with
                {
                    Execution = e with
                    {
                        Status = e.Status with
                        {
                            State = QueryExecutionState.Failed,
                            StateChangeReason = Interrupted,
                            CompletionDateTime = Now(),
                            AthenaError = new AthenaError { ErrorCategory = QueryErrors.System, ErrorType = QueryErrors.InternalError, Retryable = true, ErrorMessage = Interrupted },
                        },
                    },
                };
            }
        }

        return state;
    }
}
