using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.LocalCloud.Sns;

public static class SnsRegistration
{
    /// <summary>
    /// SNS: the Query-protocol endpoint, <see cref="ISnsMessages"/> to read what was published, and the hosted loop
    /// invoking Lambda subscriptions through the registered <see cref="IFunctionInvoker"/> and feeding SQS ones through <see cref="ISqsQueues"/>.
    /// </summary>
    public static IServiceCollection AddLocalSns(this IServiceCollection services)
    {
        services.AddAwsService<SnsService, SnsEndpoint>(
            sp => new SnsService(
                sp.GetRequiredService<LocalCloudOptions>(),
                sp.Later<IFunctionInvoker>("ServiceUnavailable", "LocalCloud runs without Lambda, so SNS cannot invoke functions."),
                sp.Later<ISqsQueues>("ServiceUnavailable", "LocalCloud runs without SQS, so SNS cannot send to queues."),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SnsService>>()),
            typeof(ISnsMessages));
        services.AddHostedService<SnsDeliveryHost>();
        return services;
    }
}

/// <summary>Invokes Lambda subscriptions off the request path: SNS invokes functions asynchronously.</summary>
internal sealed class SnsDeliveryHost(SnsService service) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => service.RunDeliveriesAsync(stoppingToken);
}

/// <summary>Spans of SNS's deliveries to subscribers, under <c>Pipeline.LocalCloud.Sns</c>.</summary>
internal static class SnsTelemetry
{
    public const string Name = "Pipeline.LocalCloud.Sns";

    public static readonly ActivitySource Source = new(Name);
}
