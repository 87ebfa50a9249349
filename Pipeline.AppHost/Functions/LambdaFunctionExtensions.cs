using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;

namespace Pipeline.AppHost.Functions;

public static class LambdaFunctionExtensions
{
    /// <summary>
    /// A function that provisioning deploys to LocalCloud: LocalCloud starts its processes as invocations come, and
    /// they report to the dashboard under the function's name; its console shows what they print.
    /// </summary>
    public static IResourceBuilder<LambdaFunctionResource> AddLambdaFunction(this IResourceBuilder<ProjectResource> cloud, string name, string functionName) =>
        cloud.AddChild(new LambdaFunctionResource(name, functionName, cloud.Resource));
}
