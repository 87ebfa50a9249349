using System.Globalization;
using System.Text;
using System.Xml;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>
/// CloudWatch's Query-protocol answers: <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;</c>
/// in the 2010-08-01 namespace, members in the model's order, lists as <c>&lt;member&gt;</c> elements, timestamps in
/// ISO 8601. Errors are <see cref="Protocols.AwsErrorWriter"/>'s.
/// </summary>
internal static class CloudWatchQueryXml
{
    public const string Namespace = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static byte[] Response(string action, object output, string requestId) => Write(w =>
    {
        w.WriteStartElement(action + "Response", Namespace);
        if (Result(output) is { } result)
        {
            w.WriteStartElement(action + "Result", Namespace);
            result(w);
            w.WriteEndElement();
        }

        w.WriteStartElement("ResponseMetadata", Namespace);
        w.WriteElementString("RequestId", Namespace, requestId);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    private static Action<XmlWriter>? Result(object output) => output switch
    {
        EmptyOutput => null,
        DescribeAlarmsOutput o => w =>
        {
            w.WriteStartElement("MetricAlarms", Namespace);
            foreach (var alarm in o.MetricAlarms)
            {
                w.WriteStartElement("member", Namespace);
                WriteAlarm(w, alarm);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteStartElement("CompositeAlarms", Namespace);
            w.WriteEndElement();
            Optional(w, "NextToken", o.NextToken);
        },
        GetMetricStatisticsOutput o => w =>
        {
            w.WriteElementString("Label", Namespace, o.Label);
            w.WriteStartElement("Datapoints", Namespace);
            foreach (var datapoint in o.Datapoints)
            {
                w.WriteStartElement("member", Namespace);
                w.WriteElementString("Timestamp", Namespace, Timestamp(datapoint.Timestamp));
                Optional(w, "SampleCount", datapoint.SampleCount);
                Optional(w, "Average", datapoint.Average);
                Optional(w, "Sum", datapoint.Sum);
                Optional(w, "Minimum", datapoint.Minimum);
                Optional(w, "Maximum", datapoint.Maximum);
                w.WriteElementString("Unit", Namespace, datapoint.Unit);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        },
        ListMetricsOutput o => w =>
        {
            w.WriteStartElement("Metrics", Namespace);
            foreach (var metric in o.Metrics)
            {
                w.WriteStartElement("member", Namespace);
                w.WriteElementString("Namespace", Namespace, metric.Namespace);
                w.WriteElementString("MetricName", Namespace, metric.MetricName);
                WriteDimensions(w, metric.Dimensions);
                w.WriteEndElement();
            }

            w.WriteEndElement();
            Optional(w, "NextToken", o.NextToken);
        },
        _ => throw new ArgumentException($"No Query answer for {output.GetType().Name}.", nameof(output)),
    };

    private static void WriteAlarm(XmlWriter w, MetricAlarmOutput alarm)
    {
        w.WriteElementString("AlarmName", Namespace, alarm.AlarmName);
        w.WriteElementString("AlarmArn", Namespace, alarm.AlarmArn);
        Optional(w, "AlarmDescription", alarm.AlarmDescription);
        w.WriteElementString("AlarmConfigurationUpdatedTimestamp", Namespace, Timestamp(alarm.AlarmConfigurationUpdatedTimestamp));
        w.WriteElementString("ActionsEnabled", Namespace, alarm.ActionsEnabled ? "true" : "false");
        WriteList(w, "OKActions", alarm.OKActions);
        WriteList(w, "AlarmActions", alarm.AlarmActions);
        WriteList(w, "InsufficientDataActions", alarm.InsufficientDataActions);
        w.WriteElementString("StateValue", Namespace, alarm.StateValue);
        w.WriteElementString("StateReason", Namespace, alarm.StateReason);
        Optional(w, "StateReasonData", alarm.StateReasonData);
        w.WriteElementString("StateUpdatedTimestamp", Namespace, Timestamp(alarm.StateUpdatedTimestamp));
        w.WriteElementString("MetricName", Namespace, alarm.MetricName);
        w.WriteElementString("Namespace", Namespace, alarm.Namespace);
        w.WriteElementString("Statistic", Namespace, alarm.Statistic);
        WriteDimensions(w, alarm.Dimensions);
        w.WriteElementString("Period", Namespace, alarm.Period.ToString(CultureInfo.InvariantCulture));
        Optional(w, "Unit", alarm.Unit);
        w.WriteElementString("EvaluationPeriods", Namespace, alarm.EvaluationPeriods.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("Threshold", Namespace, Number(alarm.Threshold));
        w.WriteElementString("ComparisonOperator", Namespace, alarm.ComparisonOperator);
        w.WriteElementString("TreatMissingData", Namespace, alarm.TreatMissingData);
        Optional(w, "DatapointsToAlarm", alarm.DatapointsToAlarm?.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("StateTransitionedTimestamp", Namespace, Timestamp(alarm.StateTransitionedTimestamp));
    }

    private static void WriteDimensions(XmlWriter w, IReadOnlyList<DimensionEntry> dimensions)
    {
        w.WriteStartElement("Dimensions", Namespace);
        foreach (var dimension in dimensions)
        {
            w.WriteStartElement("member", Namespace);
            w.WriteElementString("Name", Namespace, dimension.Name);
            w.WriteElementString("Value", Namespace, dimension.Value);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteList(XmlWriter w, string name, IReadOnlyList<string> items)
    {
        w.WriteStartElement(name, Namespace);
        foreach (var item in items)
        {
            w.WriteElementString("member", Namespace, item);
        }

        w.WriteEndElement();
    }

    private static void Optional(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, Namespace, value);
        }
    }

    private static void Optional(XmlWriter w, string name, double? value)
    {
        if (value is { } number)
        {
            w.WriteElementString(name, Namespace, Number(number));
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            body(writer);
        }

        return stream.ToArray();
    }
}
