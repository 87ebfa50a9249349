using Pipeline.Contracts.Datasets;
using Pipeline.Generator.Data.Clickstream;
using Pipeline.Generator.Data.Schema;
using Pipeline.Generator.Data.Vehicles;

namespace Pipeline.Generator.Data;

/// <summary>Chooses the generator for a dataset: a simulation for the built-in ones, the schema-driven one for any other.</summary>
public static class RecordGenerators
{
    public static IRecordGenerator Create(DatasetDefinition dataset, int seed, double rate) => dataset.Name switch
    {
        VehicleTelemetryGenerator.DatasetName => new VehicleTelemetryGenerator(seed, VehicleTelemetryGenerator.FleetSizeFor(rate)),
        ClickstreamGenerator.DatasetName => new ClickstreamGenerator(seed, ClickstreamGenerator.ConcurrentSessionsFor(rate)),
        _ => new SchemaRecordGenerator(dataset, seed),
    };
}
