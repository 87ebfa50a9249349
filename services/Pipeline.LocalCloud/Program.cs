using Pipeline.LocalCloud.Hosting;

// LocalCloud on its own: dotnet run --project services/Pipeline.LocalCloud -- [--port 4566] [--data-dir .pipeline]
var app = LocalCloudApp.Build(args);
await app.RunAsync();
