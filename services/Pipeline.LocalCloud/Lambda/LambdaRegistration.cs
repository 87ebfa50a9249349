using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Api;
using Pipeline.LocalCloud.Lambda.EventSources;
using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.LocalCloud.Lambda.Functions;

namespace Pipeline.LocalCloud.Lambda;

/// <summary>Registers LocalCloud's Lambda service.</summary>
public static class LambdaRegistration
{
    /// <summary>
    /// Lambda in LocalCloud: the API endpoint (signing name <c>lambda</c>), the function store under
    /// <c>&lt;data&gt;/lambda</c>, the process pools, and <see cref="IFunctionInvoker"/> for in-process callers.
    /// The pools are a hosted service, so stopping LocalCloud stops every function process.
    /// </summary>
    public static IServiceCollection AddLocalLambda(this IServiceCollection services)
    {
        services.AddOptions<LambdaOptions>().BindConfiguration(LambdaOptions.Section);
        services.AddSingleton<FunctionStore>();
        services.AddAwsService<FunctionHost, LambdaEndpoint>(null, typeof(IFunctionInvoker), typeof(IHostedService));
        services.AddSingleton(provider => new EventSourceMappingStore(
            Path.Combine(provider.GetRequiredService<LocalCloudOptions>().DataDirectory, "lambda", "event-source-mappings.json")));
        services.AddSingleton<EventSourceMappingApi>();
        services.AddSingleton<EventSourceMappingHost>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<EventSourceMappingHost>());
        return services;
    }
}
