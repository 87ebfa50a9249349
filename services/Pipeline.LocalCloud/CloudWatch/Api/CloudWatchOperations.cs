using System.Globalization;
using Pipeline.AwsShapes;
using Pipeline.AwsShapes.CloudWatch;
using Pipeline.LocalCloud.CloudWatch.Alarms;
using Pipeline.LocalCloud.CloudWatch.Metrics;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>
/// The CloudWatch operations LocalCloud serves, over the request shapes both protocols read into: the checks
/// CloudWatch makes (with its codes: ValidationError for the alarm operations' constraints, InvalidParameterValue,
/// MissingParameter and InvalidParameterCombination for the metric operations'), then the metric store and the alarms.
/// </summary>
internal sealed class CloudWatchOperations(AlarmService alarms, LocalCloudOptions cloud, TimeProvider time)
{
    private MetricStore Metrics => alarms.Metrics;

    public EmptyOutput PutMetricAlarm(PutMetricAlarmInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = Required(input.AlarmName, "alarmName");
        Length(name, "alarmName", 1, CloudWatchLimits.MaxAlarmNameLength);
        if (input.AlarmDescription is { } description)
        {
            Length(description, "alarmDescription", 0, CloudWatchLimits.MaxAlarmDescriptionLength);
        }

        if (input.Metrics is not null || input.ThresholdMetricId is not null || input.EvaluationCriteria is not null)
        {
            throw CloudWatchErrors.Validation("LocalCloud's CloudWatch serves alarms on one metric and a threshold; metric math (Metrics), ThresholdMetricId and EvaluationCriteria are not supported.");
        }

        if (input.ExtendedStatistic is not null)
        {
            throw input.Statistic is not null
                ? CloudWatchErrors.InvalidParameterCombination("Statistic and ExtendedStatistic cannot both be specified.")
                : CloudWatchErrors.Validation("LocalCloud's CloudWatch keeps no percentiles; use Statistic (SampleCount, Average, Sum, Minimum or Maximum).");
        }

        var metricName = Required(input.MetricName, "metricName");
        if (!MetricNames.IsMetricName(metricName))
        {
            throw CloudWatchErrors.Validation("metricName", metricName, "Member must have length between 1 and 255");
        }

        var ns = Required(input.Namespace, "namespace");
        if (!MetricNames.IsNamespace(ns))
        {
            throw CloudWatchErrors.Validation("namespace", ns, "Member must satisfy regular expression pattern: [^:].* and have length between 1 and 255");
        }

        var statistic = AlarmWireNames.ParseStatistic(Required(input.Statistic, "statistic"))
            ?? throw CloudWatchErrors.Validation("statistic", input.Statistic, "Member must satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]");
        var period = input.Period ?? throw CloudWatchErrors.Validation("Period must not be null");
        if (period is not (10 or 20 or 30) && (period < 60 || period % 60 != 0))
        {
            throw CloudWatchErrors.Validation("period", period.ToString(CultureInfo.InvariantCulture), "Member must be 10, 20, 30 or a multiple of 60");
        }

        var evaluationPeriods = input.EvaluationPeriods ?? throw CloudWatchErrors.Validation("evaluationPeriods", null, "Member must not be null");
        if (evaluationPeriods < 1)
        {
            throw CloudWatchErrors.Validation("evaluationPeriods", evaluationPeriods.ToString(CultureInfo.InvariantCulture), "Member must have value greater than or equal to 1");
        }

        if ((long)period * evaluationPeriods > 86_400)
        {
            throw CloudWatchErrors.Validation("Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400).");
        }

        if (input.DatapointsToAlarm is { } datapoints && datapoints < 1)
        {
            throw CloudWatchErrors.Validation("datapointsToAlarm", datapoints.ToString(CultureInfo.InvariantCulture), "Member must have value greater than or equal to 1");
        }

        if (input.DatapointsToAlarm > evaluationPeriods)
        {
            throw CloudWatchErrors.Validation("DatapointsToAlarm must be less than or equal to EvaluationPeriods");
        }

        var threshold = input.Threshold ?? throw CloudWatchErrors.Validation("Threshold must not be null");
        if (!double.IsFinite(threshold))
        {
            throw CloudWatchErrors.Validation("threshold", threshold.ToString(CultureInfo.InvariantCulture), "Member must be a finite number");
        }

        var comparison = AlarmWireNames.ParseOperator(Required(input.ComparisonOperator, "comparisonOperator"))
            ?? throw CloudWatchErrors.Validation(
                "comparisonOperator",
                input.ComparisonOperator,
                "Member must satisfy enum value set: [GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold] (LocalCloud has no anomaly detection)");
        var treatment = input.TreatMissingData is null
            ? MissingDataTreatment.Missing
            : AlarmWireNames.ParseTreatment(input.TreatMissingData)
                ?? throw CloudWatchErrors.Validation($"Option {input.TreatMissingData} is not supported. Supported options for parameter TreatMissingData are: missing, ignore, breaching and notBreaching.");
        if (input.Unit is not null && !StandardUnitValues.All.Contains(input.Unit))
        {
            throw CloudWatchErrors.Validation("unit", input.Unit, "Member must satisfy enum value set: [" + string.Join(", ", StandardUnitValues.All.Order(StringComparer.Ordinal)) + "]");
        }

        var dimensions = AlarmDimensions(input.Dimensions);
        var arn = $"arn:aws:cloudwatch:{cloud.Region}:{cloud.AccountId}:alarm:{name}";
        alarms.Put(new MetricAlarm
        {
            AlarmName = name,
            AlarmArn = arn,
            AlarmDescription = input.AlarmDescription,
            ActionsEnabled = input.ActionsEnabled ?? true,
            OKActions = Actions(input.OKActions, "oKActions"),
            AlarmActions = Actions(input.AlarmActions, "alarmActions"),
            InsufficientDataActions = Actions(input.InsufficientDataActions, "insufficientDataActions"),
            Namespace = ns,
            MetricName = metricName,
            Dimensions = dimensions,
            Statistic = statistic,
            Period = period,
            Unit = input.Unit,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = input.DatapointsToAlarm,
            Threshold = threshold,
            ComparisonOperator = comparison,
            TreatMissingData = treatment,
        });
        return new EmptyOutput();
    }

    public DescribeAlarmsOutput DescribeAlarms(DescribeAlarmsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.AlarmNames is { Count: > CloudWatchLimits.MaxAlarmNamesPerCall })
        {
            throw CloudWatchErrors.Validation("alarmNames", null, $"Member must have length less than or equal to {CloudWatchLimits.MaxAlarmNamesPerCall}");
        }

        foreach (var name in input.AlarmNames ?? [])
        {
            Length(name, "alarmNames.member", 1, CloudWatchLimits.MaxAlarmNameLength);
        }

        if (input.AlarmNamePrefix is { } prefix)
        {
            Length(prefix, "alarmNamePrefix", 1, CloudWatchLimits.MaxAlarmNameLength);
        }

        if (input.ActionPrefix is { } actionPrefix)
        {
            Length(actionPrefix, "actionPrefix", 1, 1024);
        }

        foreach (var type in input.AlarmTypes ?? [])
        {
            if (type is not ("MetricAlarm" or "CompositeAlarm"))
            {
                throw CloudWatchErrors.Validation("alarmTypes.member", type, "Member must satisfy enum value set: [CompositeAlarm, MetricAlarm]");
            }
        }

        AlarmState? state = null;
        if (input.StateValue is not null)
        {
            state = AlarmWireNames.ParseState(input.StateValue)
                ?? throw CloudWatchErrors.Validation("stateValue", input.StateValue, "Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }

        var maxRecords = input.MaxRecords ?? CloudWatchLimits.DefaultMaxRecords;
        if (maxRecords is < 1 or > CloudWatchLimits.MaxRecords)
        {
            throw CloudWatchErrors.Validation("maxRecords", maxRecords.ToString(CultureInfo.InvariantCulture), $"Member must have value between 1 and {CloudWatchLimits.MaxRecords}");
        }

        var offset = input.NextToken is { } token ? PageTokens.Offset(token) ?? throw CloudWatchErrors.InvalidNextToken() : 0;

        // Without AlarmTypes only metric alarms are listed; the composite-alarm filters match none (there are none).
        var wantsMetricAlarms = input.AlarmTypes is not { Count: > 0 } || input.AlarmTypes.Contains("MetricAlarm");
        var matching = !wantsMetricAlarms || input.ChildrenOfAlarmName is not null || input.ParentsOfAlarmName is not null
            ? []
            : alarms.List()
                .Where(a => input.AlarmNames is not { Count: > 0 } || input.AlarmNames.Contains(a.AlarmName))
                .Where(a => input.AlarmNamePrefix is null || a.AlarmName.StartsWith(input.AlarmNamePrefix, StringComparison.Ordinal))
                .Where(a => state is null || a.StateValue == state)
                .Where(a => input.ActionPrefix is null
                    || a.OKActions.Concat(a.AlarmActions).Concat(a.InsufficientDataActions).Any(x => x.StartsWith(input.ActionPrefix, StringComparison.Ordinal)))
                .ToList();
        if (offset > matching.Count)
        {
            throw CloudWatchErrors.InvalidNextToken();
        }

        var page = matching.Skip(offset).Take(maxRecords).Select(Output).ToArray();
        return new DescribeAlarmsOutput { CompositeAlarms = [], MetricAlarms = page, NextToken = PageTokens.Next(offset + page.Length, matching.Count) };
    }

    public EmptyOutput DeleteAlarms(DeleteAlarmsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var names = input.AlarmNames ?? throw CloudWatchErrors.Validation("alarmNames", null, "Member must not be null");
        if (names.Count > CloudWatchLimits.MaxAlarmNamesPerCall)
        {
            throw CloudWatchErrors.Validation("alarmNames", null, $"Member must have length less than or equal to {CloudWatchLimits.MaxAlarmNamesPerCall}");
        }

        foreach (var name in names)
        {
            Length(name, "alarmNames.member", 1, CloudWatchLimits.MaxAlarmNameLength);
        }

        // As AWS documents: the names that exist are deleted, unknown ones are ignored.
        alarms.Delete(names);
        return new EmptyOutput();
    }

    public EmptyOutput PutMetricData(PutMetricDataInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ns = input.Namespace ?? throw CloudWatchErrors.MissingParameter("Namespace");
        if (!MetricNames.IsNamespace(ns) || ns.StartsWith("AWS/", StringComparison.Ordinal))
        {
            throw InvalidValue(ns, "Namespace");
        }

        if (input.EntityMetricData is { Count: > 0 })
        {
            throw CloudWatchErrors.InvalidParameterValue("LocalCloud's CloudWatch does not keep entity data; send MetricData.");
        }

        var data = input.MetricData is { Count: > 0 } given ? given : throw CloudWatchErrors.MissingParameter("MetricData");
        if (data.Count > CloudWatchLimits.MaxMetricDataPerPut)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection MetricData must not have a size greater than {CloudWatchLimits.MaxMetricDataPerPut}.");
        }

        var now = time.GetUtcNow();
        var samples = new List<MetricSample>();
        for (var i = 0; i < data.Count; i++)
        {
            var path = $"MetricData.member.{i + 1}";
            var datum = data[i];
            var name = datum.MetricName ?? throw CloudWatchErrors.MissingParameter($"{path}.MetricName");
            if (!MetricNames.IsMetricName(name))
            {
                throw InvalidValue(name, $"{path}.MetricName");
            }

            var dimensions = MetricDimensions(datum.Dimensions, $"{path}.Dimensions");
            var unit = datum.Unit ?? StandardUnitValues.None;
            if (!StandardUnitValues.All.Contains(unit))
            {
                throw InvalidValue(unit, $"{path}.Unit");
            }

            if (datum.StorageResolution is { } resolution && resolution is not (1 or 60))
            {
                throw InvalidValue(resolution.ToString(CultureInfo.InvariantCulture), $"{path}.StorageResolution");
            }

            var timestamp = datum.Timestamp ?? now;
            if (timestamp > now + CloudWatchLimits.MaxFutureTimestamp)
            {
                throw CloudWatchErrors.InvalidParameterValue($"The parameter {path}.Timestamp must specify a time no more than two hours in the future.");
            }

            if (timestamp < now - CloudWatchLimits.MaxPastTimestamp)
            {
                throw CloudWatchErrors.InvalidParameterValue($"The parameter {path}.Timestamp must specify a time within the past two weeks.");
            }

            var metric = new MetricIdentity(ns, name, dimensions);
            foreach (var values in Values(datum, path))
            {
                samples.Add(new MetricSample(metric, timestamp, values, unit));
            }
        }

        Metrics.Put(samples);
        return new EmptyOutput();
    }

    public GetMetricStatisticsOutput GetMetricStatistics(GetMetricStatisticsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ns = input.Namespace ?? throw CloudWatchErrors.MissingParameter("Namespace");
        var name = input.MetricName ?? throw CloudWatchErrors.MissingParameter("MetricName");
        var start = input.StartTime ?? throw CloudWatchErrors.MissingParameter("StartTime");
        var end = input.EndTime ?? throw CloudWatchErrors.MissingParameter("EndTime");
        var period = input.Period ?? throw CloudWatchErrors.MissingParameter("Period");
        if (!MetricNames.IsNamespace(ns))
        {
            throw InvalidValue(ns, "Namespace");
        }

        if (!MetricNames.IsMetricName(name))
        {
            throw InvalidValue(name, "MetricName");
        }

        if (input.ExtendedStatistics is { Count: > 0 })
        {
            throw CloudWatchErrors.InvalidParameterValue("LocalCloud's CloudWatch keeps no percentiles; ask for Statistics (SampleCount, Average, Sum, Minimum, Maximum).");
        }

        if (input.Statistics is not { Count: > 0 } statisticNames)
        {
            throw CloudWatchErrors.InvalidParameterCombination("Must specify either Statistics or ExtendedStatistics");
        }

        if (statisticNames.Count > 5)
        {
            throw CloudWatchErrors.InvalidParameterValue("The collection Statistics must not have a size greater than 5.");
        }

        var statistics = statisticNames
            .Select((s, i) => AlarmWireNames.ParseStatistic(s) ?? throw InvalidValue(s, $"Statistics.member.{i + 1}"))
            .ToHashSet();
        if (period < 1)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter Period must be greater than 0.");
        }

        // Every sample is kept per second, so the high-resolution periods are served for every metric.
        if (period is not (1 or 5 or 10 or 20 or 30) && period % 60 != 0)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter Period must be a multiple of 60.");
        }

        if (start >= end)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
        }

        if (input.Unit is not null && !StandardUnitValues.All.Contains(input.Unit))
        {
            throw InvalidValue(input.Unit, "Unit");
        }

        // CloudWatch rounds the start down to the period (to the minute for longer periods) and counts from there.
        var alignment = Math.Min(period, 60);
        var from = DateTimeOffset.FromUnixTimeSeconds(FloorDiv(start.ToUnixTimeSeconds(), alignment) * alignment);
        var requested = (long)Math.Ceiling((end - from).TotalSeconds / period);
        if (requested > CloudWatchLimits.MaxDatapoints)
        {
            throw CloudWatchErrors.InvalidParameterCombination(
                string.Create(CultureInfo.InvariantCulture, $"You have requested up to {requested:N0} datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time range."));
        }

        var metric = new MetricIdentity(ns, name, MetricDimensions(input.Dimensions, "Dimensions"));
        var datapoints = Metrics.Aggregate(metric, from, end, period, input.Unit)
            .Select(a => new DatapointOutput
            {
                Timestamp = a.Timestamp,
                SampleCount = statistics.Contains(MetricStatistic.SampleCount) ? a.Values.SampleCount : null,
                Average = statistics.Contains(MetricStatistic.Average) ? a.Values.Average : null,
                Sum = statistics.Contains(MetricStatistic.Sum) ? a.Values.Sum : null,
                Minimum = statistics.Contains(MetricStatistic.Minimum) ? a.Values.Minimum : null,
                Maximum = statistics.Contains(MetricStatistic.Maximum) ? a.Values.Maximum : null,
                Unit = a.Unit ?? StandardUnitValues.None,
            })
            .ToArray();
        return new GetMetricStatisticsOutput { Label = name, Datapoints = datapoints };
    }

    public ListMetricsOutput ListMetrics(ListMetricsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Namespace is not null && !MetricNames.IsNamespace(input.Namespace))
        {
            throw InvalidValue(input.Namespace, "Namespace");
        }

        var filters = input.Dimensions ?? [];
        if (filters.Count > CloudWatchLimits.MaxDimensionFilters)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection Dimensions must not have a size greater than {CloudWatchLimits.MaxDimensionFilters}.");
        }

        var parsed = filters.Select((f, i) => (
            Name: f.Name ?? throw CloudWatchErrors.MissingParameter($"Dimensions.member.{i + 1}.Name"),
            f.Value)).ToArray();
        DateTimeOffset? since = input.RecentlyActive switch
        {
            null => null,
            "PT3H" => time.GetUtcNow().AddHours(-3),
            _ => throw InvalidValue(input.RecentlyActive, "RecentlyActive"),
        };
        var offset = input.NextToken is { } token ? PageTokens.Offset(token) ?? throw InvalidValue(token, "NextToken") : 0;
        var metrics = Metrics.List(input.Namespace, input.MetricName, parsed, since);
        var page = metrics.Skip(offset).Take(CloudWatchLimits.MetricsPerPage)
            .Select(m => new MetricOutput { Namespace = m.Namespace, MetricName = m.MetricName, Dimensions = Entries(m.Dimensions) })
            .ToArray();
        return new ListMetricsOutput { Metrics = page, NextToken = PageTokens.Next(offset + page.Length, metrics.Count) };
    }

    internal static MetricAlarmOutput Output(MetricAlarm alarm) => new()
    {
        AlarmName = alarm.AlarmName,
        AlarmArn = alarm.AlarmArn,
        AlarmDescription = alarm.AlarmDescription,
        AlarmConfigurationUpdatedTimestamp = alarm.AlarmConfigurationUpdatedTimestamp,
        ActionsEnabled = alarm.ActionsEnabled,
        OKActions = alarm.OKActions,
        AlarmActions = alarm.AlarmActions,
        InsufficientDataActions = alarm.InsufficientDataActions,
        StateValue = AlarmWireNames.Of(alarm.StateValue),
        StateReason = alarm.StateReason,
        StateReasonData = alarm.StateReasonData,
        StateUpdatedTimestamp = alarm.StateUpdatedTimestamp,
        MetricName = alarm.MetricName,
        Namespace = alarm.Namespace,
        Statistic = alarm.Statistic.ToString(),
        Dimensions = Entries(alarm.Dimensions),
        Period = alarm.Period,
        Unit = alarm.Unit,
        EvaluationPeriods = alarm.EvaluationPeriods,
        DatapointsToAlarm = alarm.DatapointsToAlarm,
        Threshold = alarm.Threshold,
        ComparisonOperator = alarm.ComparisonOperator.ToString(),
        TreatMissingData = AlarmWireNames.Of(alarm.TreatMissingData),
        StateTransitionedTimestamp = alarm.StateTransitionedTimestamp,
    };

    private static DimensionEntry[] Entries(IEnumerable<MetricDimension> dimensions) =>
        [.. dimensions.Select(d => new DimensionEntry { Name = d.Name, Value = d.Value })];

    /// <summary>The samples of one datum: a value, a statistic set, or values with their counts.</summary>
    private static IEnumerable<StatisticSet> Values(MetricDatumEntry datum, string path)
    {
        var given = (datum.Value is null ? 0 : 1) + (datum.StatisticValues is null ? 0 : 1) + (datum.Values is { Count: > 0 } ? 1 : 0);
        if (given > 1)
        {
            throw CloudWatchErrors.InvalidParameterCombination($"The parameters {path}.Value, {path}.StatisticValues and {path}.Values are mutually exclusive and you have specified more than one.");
        }

        if (datum.Value is { } value)
        {
            return [MetricNames.IsValue(value) ? StatisticSet.Of(value) : throw InvalidValue(CloudWatchText.Number(value), $"{path}.Value")];
        }

        if (datum.StatisticValues is { } set)
        {
            var sampleCount = set.SampleCount ?? throw CloudWatchErrors.MissingParameter($"{path}.StatisticValues.SampleCount");
            var sum = set.Sum ?? throw CloudWatchErrors.MissingParameter($"{path}.StatisticValues.Sum");
            var minimum = set.Minimum ?? throw CloudWatchErrors.MissingParameter($"{path}.StatisticValues.Minimum");
            var maximum = set.Maximum ?? throw CloudWatchErrors.MissingParameter($"{path}.StatisticValues.Maximum");
            foreach (var (member, number) in new[] { ("SampleCount", sampleCount), ("Sum", sum), ("Minimum", minimum), ("Maximum", maximum) })
            {
                if (!MetricNames.IsValue(number))
                {
                    throw InvalidValue(CloudWatchText.Number(number), $"{path}.StatisticValues.{member}");
                }
            }

            if (sampleCount <= 0 || minimum > maximum)
            {
                throw CloudWatchErrors.InvalidParameterValue($"The parameter {path}.StatisticValues must have a SampleCount above 0 and a Minimum no greater than its Maximum.");
            }

            return [new StatisticSet(sampleCount, sum, minimum, maximum)];
        }

        if (datum.Values is { Count: > 0 } values)
        {
            if (values.Count > CloudWatchLimits.MaxValuesPerDatum)
            {
                throw CloudWatchErrors.InvalidParameterValue($"The collection {path}.Values must not have a size greater than {CloudWatchLimits.MaxValuesPerDatum}.");
            }

            if (datum.Counts is { Count: > 0 } counts && counts.Count != values.Count)
            {
                throw CloudWatchErrors.InvalidParameterCombination($"The parameters {path}.Values and {path}.Counts must be of the same size.");
            }

            return values.Select((v, i) =>
            {
                var count = datum.Counts is { Count: > 0 } c ? c[i] : 1;
                if (!MetricNames.IsValue(v))
                {
                    throw InvalidValue(CloudWatchText.Number(v), $"{path}.Values.member.{i + 1}");
                }

                return count > 0 && double.IsFinite(count) ? StatisticSet.Of(v, count) : throw InvalidValue(CloudWatchText.Number(count), $"{path}.Counts.member.{i + 1}");
            }).ToArray();
        }

        throw CloudWatchErrors.InvalidParameterCombination($"The parameter {path} must specify one of Value, StatisticValues or Values.");
    }

    /// <summary>PutMetricData's and GetMetricStatistics' dimensions: MissingParameter and InvalidParameterValue errors.</summary>
    private static List<MetricDimension> MetricDimensions(IReadOnlyList<DimensionEntry>? entries, string path)
    {
        entries ??= [];
        if (entries.Count > CloudWatchLimits.MaxDimensions)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection {path} must not have a size greater than {CloudWatchLimits.MaxDimensions}.");
        }

        var dimensions = new List<MetricDimension>();
        for (var i = 0; i < entries.Count; i++)
        {
            var member = $"{path}.member.{i + 1}";
            var name = entries[i].Name ?? throw CloudWatchErrors.MissingParameter($"{member}.Name");
            var value = entries[i].Value ?? throw CloudWatchErrors.MissingParameter($"{member}.Value");
            if (!MetricNames.IsDimensionName(name))
            {
                throw InvalidValue(name, $"{member}.Name");
            }

            if (!MetricNames.IsDimensionValue(value))
            {
                throw InvalidValue(value, $"{member}.Value");
            }

            if (dimensions.Any(d => d.Name == name))
            {
                throw CloudWatchErrors.InvalidParameterValue($"No metric may have duplicate dimension names: {name} appears twice in {path}.");
            }

            dimensions.Add(new MetricDimension(name, value));
        }

        return dimensions;
    }

    /// <summary>PutMetricAlarm's dimensions: ValidationError, as the alarm operations answer.</summary>
    private static List<MetricDimension> AlarmDimensions(IReadOnlyList<DimensionEntry>? entries)
    {
        entries ??= [];
        if (entries.Count > CloudWatchLimits.MaxDimensions)
        {
            throw CloudWatchErrors.Validation("dimensions", null, $"Member must have length less than or equal to {CloudWatchLimits.MaxDimensions}");
        }

        var dimensions = new List<MetricDimension>();
        foreach (var entry in entries)
        {
            var name = Required(entry.Name, "dimensions.member.name");
            var value = Required(entry.Value, "dimensions.member.value");
            if (!MetricNames.IsDimensionName(name))
            {
                throw CloudWatchErrors.Validation("dimensions.member.name", name, "Member must have length between 1 and 255 printable ASCII characters");
            }

            if (!MetricNames.IsDimensionValue(value))
            {
                throw CloudWatchErrors.Validation("dimensions.member.value", value, "Member must have length between 1 and 1024 printable ASCII characters");
            }

            if (dimensions.Any(d => d.Name == name))
            {
                throw CloudWatchErrors.Validation($"No metric may have duplicate dimension names: {name}.");
            }

            dimensions.Add(new MetricDimension(name, value));
        }

        return [.. dimensions.OrderBy(d => d.Name, StringComparer.Ordinal)];
    }

    /// <summary>An alarm's actions: at most five, each an SNS topic ARN (the only action LocalCloud runs).</summary>
    private List<string> Actions(IReadOnlyList<string>? actions, string member)
    {
        actions ??= [];
        if (actions.Count > CloudWatchLimits.MaxActionsPerState)
        {
            throw CloudWatchErrors.Validation(member, null, $"Member must have length less than or equal to {CloudWatchLimits.MaxActionsPerState}");
        }

        foreach (var action in actions)
        {
            Length(action, member + ".member", 1, 1024);
            if (!action.StartsWith($"arn:aws:sns:{cloud.Region}:", StringComparison.Ordinal) || action.Split(':').Length != 6)
            {
                throw CloudWatchErrors.Validation($"Invalid action {action}: LocalCloud's CloudWatch runs SNS topic actions of {cloud.Region} only (arn:aws:sns:{cloud.Region}:<account>:<topic>).");
            }
        }

        return [.. actions.Distinct(StringComparer.Ordinal)];
    }

    private static string Required(string? value, string member) =>
        value ?? throw CloudWatchErrors.Validation(member, null, "Member must not be null");

    private static void Length(string value, string member, int min, int max)
    {
        if (value.Length < min || value.Length > max)
        {
            throw CloudWatchErrors.Validation(member, value, $"Member must have length {(min == 0 ? $"less than or equal to {max}" : $"between {min} and {max}")}");
        }
    }

    private static AwsServiceException InvalidValue(string value, string parameter) =>
        CloudWatchErrors.InvalidParameterValue($"The value {value} for parameter {parameter} is invalid.");

    private static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : ((value + 1) / divisor) - 1;
}
