using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Delivery;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Firehose.Journal;

/// <summary>
/// Keeps the delivery in progress under <c>pending/</c>: object files first, then <c>plan.json</c> atomically.
/// A <c>pending/</c> without <c>plan.json</c> is a plan that was never complete; nothing of it reached S3.
/// </summary>
internal sealed class DeliveryPlanStore(string directory)
{
    private const string PlanFile = "plan.json";

    public string Directory { get; } = directory;

    /// <summary>Whether a complete plan is waiting to be (re)written.</summary>
    public bool HasPlan => File.Exists(PlanDocument.Path);

    private StateDocument<StoredPlan> PlanDocument { get; } = new(Path.Combine(directory, PlanFile), FirehoseStateJsonContext.Default.StoredPlan);

    public void Save(DeliveryPlan plan)
    {
        Delete();
        DurableFile.CreateDirectory(Directory);
        var objects = new StoredPlanObject[plan.Objects.Count];
        for (var i = 0; i < objects.Length; i++)
        {
            var o = plan.Objects[i];
            var file = $"object-{i.ToString("D5", CultureInfo.InvariantCulture)}.bin";
            DurableFile.WriteNew(Path.Combine(Directory, file), o.Content);
            objects[i] = new StoredPlanObject(o.Bucket, o.Key, file, o.Kind, o.RecordCount);
        }

        var stored = new StoredPlan(plan.FirstSequence, plan.LastSequence, objects, plan.Counts);
        PlanDocument.Save(stored);
    }

    /// <summary>The durable plan, if a delivery was interrupted; removes the remains of an incomplete one.</summary>
    public DeliveryPlan? Load()
    {
        if (!HasPlan)
        {
            Delete();
            return null;
        }

        var stored = PlanDocument.Load() ?? throw new InvalidDataException($"{PlanDocument.Path} is empty.");
        var objects = stored.Objects
            .Select(o => new PlannedObject(o.Bucket, o.Key, File.ReadAllBytes(Path.Combine(Directory, o.File)), o.Kind, o.RecordCount))
            .ToArray();
        return new DeliveryPlan(stored.FirstSequence, stored.LastSequence, objects, stored.Counts);
    }

    public void Delete()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            // plan.json first: once it is gone, whatever remains is an incomplete plan, never a live one.
            PlanDocument.Delete();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

/// <summary><c>pending/plan.json</c>: a <see cref="DeliveryPlan"/> whose object bytes are files beside it.</summary>
internal sealed record StoredPlan(long FirstSequence, long LastSequence, IReadOnlyList<StoredPlanObject> Objects, DeliveryCounts Counts);

internal sealed record StoredPlanObject(string Bucket, string Key, string File, PlannedObjectKind Kind, int RecordCount);

/// <summary><c>checkpoint.json</c>: every record up to this sequence number is delivered.</summary>
internal sealed record DeliveryCheckpoint(long DeliveredThrough);

/// <summary>The files Firehose keeps under <c>&lt;data dir&gt;/firehose/&lt;stream&gt;/</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredDeliveryStream))]
[JsonSerializable(typeof(DeliveryCheckpoint))]
[JsonSerializable(typeof(StoredPlan))]
internal sealed partial class FirehoseStateJsonContext : JsonSerializerContext;
