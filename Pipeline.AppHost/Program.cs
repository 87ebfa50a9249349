using Pipeline.Contracts.Datasets;

// The local app host. Until LocalCloud lands it only shows the deployment it will run, read from the same
// datasets.json the functions and Terraform use; see README.md for what runs today.
const string namePrefix = "pipeline-local";
var catalog = DatasetCatalog.Load();

Console.WriteLine("Pipeline app host (preview): the local cloud is not built yet.");
Console.WriteLine("It will provision, on 127.0.0.1:4566, for each dataset:");
foreach (var dataset in catalog.All.OrderBy(d => d.Name, StringComparer.Ordinal))
{
    Console.WriteLine($"  {dataset.Name}: delivery stream {namePrefix}-{dataset.Name} -> transformer -> s3://{namePrefix}-data-lake/raw/{dataset.Name}/year=YYYY/month=MM/day=DD/hour=HH/");
}

Console.WriteLine();
Console.WriteLine("Today you can run the generator against any Firehose endpoint, or write records locally:");
Console.WriteLine("  dotnet run --project services/Pipeline.Generator -- --dataset vehicle_telemetry --count 10 --dry-run");
return 0;
