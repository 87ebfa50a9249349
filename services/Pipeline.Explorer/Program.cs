using Pipeline.Explorer.Hosting;

// The Explorer on its own: dotnet run --project services/Pipeline.Explorer -- [--port 5080]; Athena from the standard
// AWS settings (AWS_ENDPOINT_URL for a LocalCloud, none for AWS).
var app = ExplorerApp.Build(args);
await app.RunAsync();
