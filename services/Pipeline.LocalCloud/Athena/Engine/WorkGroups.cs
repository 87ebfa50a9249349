using Pipeline.LocalCloud.Athena.Api;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>Athena's workgroups: where queries run and where their results go by default.</summary>
internal sealed class WorkGroups(AthenaStore store)
{
    public void Create(string? name, WorkGroupConfiguration? configuration, string? description)
    {
        AthenaValidation.WorkGroupName(name, "name");
        AthenaValidation.Configuration(configuration?.BytesScannedCutoffPerQuery, configuration?.ResultConfiguration?.OutputLocation, "configuration");
        AthenaValidation.Description(description);
        lock (store.Gate)
        {
            if (store.State.WorkGroups.Any(w => w.Name == name))
            {
                throw AthenaErrors.InvalidRequest("WorkGroup is already created");
            }

            store.State.WorkGroups.Add(new WorkGroup
            {
                Name = name!,
                State = WorkGroupState.Enabled,
                Configuration = (configuration ?? new WorkGroupConfiguration()) with { EngineVersion = EngineVersion.Default },
                Description = description,
                CreationTime = store.Now(),
            });
            store.Save();
        }
    }

    public WorkGroup Get(string? name)
    {
        AthenaValidation.WorkGroupName(name, "workGroup");
        lock (store.Gate)
        {
            return store.FindWorkGroup(name!);
        }
    }

    public (IReadOnlyList<WorkGroupSummary> Items, string? NextToken) List(string? nextToken, int? maxResults)
    {
        AthenaValidation.MaxResults(maxResults, 1, 50);
        lock (store.Gate)
        {
            var size = maxResults ?? 50;
            var ordered = store.State.WorkGroups.OrderBy(w => w.Name, StringComparer.Ordinal)
                .Where(w => nextToken is null || string.CompareOrdinal(w.Name, AthenaValidation.Decode(nextToken, "workgroups")) > 0)
                .Take(size + 1)
                .Select(w => new WorkGroupSummary { Name = w.Name, State = w.State, Description = w.Description, CreationTime = w.CreationTime, EngineVersion = w.Configuration?.EngineVersion ?? EngineVersion.Default })
                .ToList();
            return ordered.Count > size ? (ordered[..size], AthenaValidation.Encode("workgroups", ordered[size - 1].Name)) : (ordered, null);
        }
    }

    public void Update(string? name, string? description, WorkGroupConfigurationUpdates? updates, WorkGroupState? state)
    {
        AthenaValidation.WorkGroupName(name, "workGroup");
        AthenaValidation.Configuration(updates?.BytesScannedCutoffPerQuery, updates?.ResultConfigurationUpdates?.OutputLocation, "configurationUpdates");
        AthenaValidation.Description(description);
        lock (store.Gate)
        {
            var current = store.FindWorkGroup(name!);
            var index = store.State.WorkGroups.IndexOf(current);
            store.State.WorkGroups[index] = current with
            {
                Description = description ?? current.Description,
                Configuration = Apply(current.Configuration ?? new WorkGroupConfiguration(), updates),
                State = state ?? current.State,
            };
            store.Save();
        }
    }

    public void Delete(string? name)
    {
        AthenaValidation.WorkGroupName(name, "workGroup");
        if (name == AthenaStore.PrimaryWorkGroup)
        {
            throw AthenaErrors.InvalidRequest("Cannot delete primary workgroup");
        }

        lock (store.Gate)
        {
            store.State.WorkGroups.Remove(store.FindWorkGroup(name!));
            store.Save();
        }
    }

    private static WorkGroupConfiguration Apply(WorkGroupConfiguration configuration, WorkGroupConfigurationUpdates? updates)
    {
        if (updates is null)
        {
            return configuration;
        }

        var result = configuration.ResultConfiguration ?? new ResultConfiguration();
        if (updates.ResultConfigurationUpdates is { } r)
        {
            result = result with
            {
                OutputLocation = r.RemoveOutputLocation == true ? null : r.OutputLocation ?? result.OutputLocation,
                ExpectedBucketOwner = r.RemoveExpectedBucketOwner == true ? null : r.ExpectedBucketOwner ?? result.ExpectedBucketOwner,
            };
        }

        return configuration with
        {
            ResultConfiguration = result,
            EnforceWorkGroupConfiguration = updates.EnforceWorkGroupConfiguration ?? configuration.EnforceWorkGroupConfiguration,
            PublishCloudWatchMetricsEnabled = updates.PublishCloudWatchMetricsEnabled ?? configuration.PublishCloudWatchMetricsEnabled,
            BytesScannedCutoffPerQuery = updates.RemoveBytesScannedCutoffPerQuery == true ? null : updates.BytesScannedCutoffPerQuery ?? configuration.BytesScannedCutoffPerQuery,
            RequesterPaysEnabled = updates.RequesterPaysEnabled ?? configuration.RequesterPaysEnabled,
        };
    }
}
