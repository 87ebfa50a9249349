using System.Globalization;
using System.Text;
using Pipeline.Aws.Glue;

namespace Pipeline.Notifier.Notifying;

/// <summary>The subject and readable body of a job notification, within SNS's limits.</summary>
public static class NotificationText
{
    /// <summary>SNS: a subject of at most 100 printable ASCII characters, no line breaks.</summary>
    public const int MaxSubjectLength = 100;

    /// <summary>SNS: 256 KiB per message (UTF-8 bytes; the notifier sends no attributes).</summary>
    public const int MaxMessageBytes = 256 * 1024;

    private const int MaxErrorChars = 32 * 1024;

    /// <summary><c>[pipeline] &lt;dataset&gt; ETL &lt;STATE&gt;</c>; a dataset name too long for the limit is shortened with "...".</summary>
    public static string Subject(string dataset, string state)
    {
        var safeDataset = Printable(dataset);
        var safeState = Printable(state);
        var subject = $"[pipeline] {safeDataset} ETL {safeState}";
        if (subject.Length <= MaxSubjectLength)
        {
            return subject;
        }

        var room = Math.Max(0, MaxSubjectLength - $"[pipeline] ... ETL {safeState}".Length);
        subject = $"[pipeline] {safeDataset[..Math.Min(room, safeDataset.Length)]}... ETL {safeState}";
        return subject.Length <= MaxSubjectLength ? subject : subject[..MaxSubjectLength];
    }

    /// <summary>The message body; <paramref name="truncated"/> tells whether partitions were left out to fit.</summary>
    public static string Message(JobRunReport report, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(report);
        var head = new StringBuilder();
        var run = report.Run;
        head.Append(CultureInfo.InvariantCulture, $"The ETL run of {report.Dataset} ended {report.StateName}.\n\n");
        head.Append(CultureInfo.InvariantCulture, $"Dataset:            {report.Dataset}\n");
        head.Append(CultureInfo.InvariantCulture, $"Job:                {report.JobName}\n");
        head.Append(CultureInfo.InvariantCulture, $"Run id:             {report.RunId}\n");
        head.Append(CultureInfo.InvariantCulture, $"State:              {report.StateName}\n");
        head.Append(CultureInfo.InvariantCulture, $"Started:            {Time(run.StartedOn)}\n");
        head.Append(CultureInfo.InvariantCulture, $"Completed:          {Time(run.CompletedOn)}\n");
        head.Append(CultureInfo.InvariantCulture, $"Duration:           {Duration(run)}\n");

        var summary = report.Summary;
        if (summary is null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Rows written:       unknown\n");
            head.Append(CultureInfo.InvariantCulture, $"Run summary:        {report.SummaryProblem ?? "not available"} ({report.SummaryLocation})\n");
        }
        else
        {
            head.Append(CultureInfo.InvariantCulture, $"Rows written:       {Count(summary.RowsWritten)}\n");
            head.Append(CultureInfo.InvariantCulture, $"Rows read:          {Count(summary.RowsRead)}\n");
            head.Append(CultureInfo.InvariantCulture, $"Duplicates dropped: {Count(summary.DuplicatesDropped)}\n");
            head.Append(CultureInfo.InvariantCulture, $"Files written:      {Count(summary.FilesWritten)}\n");
        }

        var tail = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(run.ErrorMessage))
        {
            var error = run.ErrorMessage.Length > MaxErrorChars ? run.ErrorMessage[..MaxErrorChars] + " [error message truncated]" : run.ErrorMessage;
            tail.Append(CultureInfo.InvariantCulture, $"Error:              {error}\n");
        }

        tail.Append(CultureInfo.InvariantCulture, $"Log:                {report.LogUrl}\n");

        var partitions = summary?.Partitions ?? [];
        var budget = MaxMessageBytes - Encoding.UTF8.GetByteCount(head.ToString()) - Encoding.UTF8.GetByteCount(tail.ToString());
        var list = new StringBuilder();
        list.Append(CultureInfo.InvariantCulture, $"Partitions ({partitions.Count}):{(partitions.Count == 0 ? " none" : "")}\n");

        // Room is kept for the line that says how many were left out.
        var reserve = Encoding.UTF8.GetByteCount($"  ... and {partitions.Count} more, left out to keep the message within SNS's 256 KB limit\n");
        var used = Encoding.UTF8.GetByteCount(list.ToString());
        var listed = 0;
        foreach (var partition in partitions)
        {
            var line = $"  {partition}\n";
            var bytes = Encoding.UTF8.GetByteCount(line);
            if (used + bytes + reserve > budget)
            {
                break;
            }

            list.Append(line);
            used += bytes;
            listed++;
        }

        truncated = listed < partitions.Count;
        if (truncated)
        {
            list.Append(CultureInfo.InvariantCulture, $"  ... and {partitions.Count - listed} more, left out to keep the message within SNS's 256 KB limit\n");
        }

        return head.Append(list).Append(tail).ToString();
    }

    private static string Printable(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "unknown";

    private static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "unknown";

    private static string Duration(JobRun run)
    {
        if (run.StartedOn is { } started && run.CompletedOn is { } completed && completed >= started)
        {
            return Format(completed - started);
        }

        return run.ExecutionTime is { } seconds ? Format(TimeSpan.FromSeconds(seconds)) + " (execution time)" : "unknown";
    }

    private static string Format(TimeSpan span)
    {
        var seconds = (long)Math.Round(span.TotalSeconds);
        return seconds switch
        {
            < 60 => $"{seconds} s",
            < 3600 => $"{seconds / 60} min {seconds % 60} s",
            _ => $"{seconds / 3600} h {seconds % 3600 / 60} min {seconds % 60} s",
        };
    }
}
