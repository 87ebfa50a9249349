using Pipeline.AppHost;
using Pipeline.AppHost.Athena;
using Pipeline.AppHost.Functions;
using Pipeline.AppHost.Generators;
using Pipeline.AppHost.Glue;
using Pipeline.AppHost.LocalCloud;
using Pipeline.AppHost.Notifications;
using Pipeline.AppHost.Storage;
using Pipeline.Contracts.Datasets;

// The pipeline on this machine, as the README's diagram draws it: LocalCloud with everything Terraform creates in
// AWS, the four functions, and a generator per dataset. `dotnet run --project Pipeline.AppHost [--generator-rate N]
// [--data-dir PATH] [--port N]`; the dashboard is on http://127.0.0.1:18888.
var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder.Configuration);
var catalog = DatasetCatalog.Load();
var deployment = catalog.Deployment;
var names = new PipelineNames(deployment.NamePrefixLocal, deployment);
var datasets = catalog.All.Select(d => d.Name).Order(StringComparer.Ordinal).ToArray();

// LocalCloud: S3, Firehose, Lambda, SQS, SNS, EventBridge, Glue and Athena on one loopback port.
// Its Glue runs the ETL job's script, pipeline_etl.py, as the local Glue job program (DuckDB, through the AWS APIs).
var cloud = builder.AddLocalCloud("localcloud", settings.Port, settings.DataDirectory)
    .WithGlueJobScript("pipeline_etl.py", "Pipeline.LocalGlueJob");

// Provisioning: creates in LocalCloud, through the AWS APIs, what Terraform creates in AWS; runs to completion.
var provisioning = builder.AddProject<Projects.Pipeline_Provisioning>(JobNotificationReader.ProvisioningResource)
    .WithLocalCloud(cloud)
    .WithEnvironment("PIPELINE_DATA_DIR", settings.DataDirectory)
    .WithParentRelationship(cloud);

// What provisioning creates, as LocalCloud reports it: the data lake, the functions, Glue, the topic, Athena.
var rawPrefixes = datasets.ToDictionary(d => d, deployment.RawRootFor, StringComparer.Ordinal);
cloud.AddDataLake("data-lake", names.DataLakeBucket, rawPrefixes);
foreach (var role in new[] { "firehose-transformer", "crawler-trigger", "etl-runner", "notifier" })
{
    cloud.AddLambdaFunction(role, names.Function(role));
}

foreach (var dataset in datasets)
{
    var resource = dataset.Replace('_', '-');
    cloud.AddGlueCrawler($"crawler-{resource}", names.RawCrawler(dataset), dataset);
    cloud.AddGlueJob($"etl-{resource}", names.EtlJob(dataset), dataset);
}

cloud.AddJobNotifications("job-notifications", $"arn:aws:sns:{LocalCloudExtensions.Region}:{PipelineNames.LocalAccountId}:{names.NotificationTopic}", names.ConsoleNotificationsQueue);
cloud.AddJobNotifications("alarm-notifications", $"arn:aws:sns:{LocalCloudExtensions.Region}:{PipelineNames.LocalAccountId}:{names.AlarmTopic}", names.ConsoleAlarmsQueue);
cloud.AddAthenaWorkGroup(
    "athena",
    names.WorkGroup,
    $"SELECT vendor, count(*) AS records, round(avg(vehicle_status_speed_kmh), 1) AS avg_speed_kmh FROM {names.Database}.{deployment.StageTableFor("vehicle_telemetry")} GROUP BY vendor ORDER BY records DESC");

// Generators: one per dataset, once provisioning has created the delivery streams.
foreach (var dataset in datasets)
{
    builder.AddGenerator($"generator-{dataset.Replace('_', '-')}", dataset, DeploymentDescription.ResourceName(names.Prefix, dataset), settings.GeneratorRate, AppHostSettings.DefaultGeneratorRate)
        .WithLocalCloud(cloud)
        .WaitForCompletion(provisioning);
}

// The Explorer: charts, map and a SQL box over the tables, asking LocalCloud's Athena as it would ask AWS's.
builder.AddProject<Projects.Pipeline_Explorer>("explorer")
    .WithHttpEndpoint(env: "Explorer__Port")
    .WithHttpHealthCheck("/health")
    .WithLocalCloud(cloud)
    .WaitForCompletion(provisioning);

builder.Build().Run();
