using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.CloudWatch.Alarms;
using Pipeline.LocalCloud.CloudWatch.Api;
using Pipeline.LocalCloud.CloudWatch.Emf;
using Pipeline.LocalCloud.CloudWatch.Metrics;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Sns;

namespace Pipeline.LocalCloud.CloudWatch;

public static class CloudWatchRegistration
{
    /// <summary>
    /// A minimal CloudWatch: the API endpoint (signing name <c>monitoring</c>; PutMetricAlarm, DescribeAlarms,
    /// DeleteAlarms, PutMetricData, GetMetricStatistics, ListMetrics), the in-memory metric store, the alarms kept under
    /// <c>&lt;data dir&gt;/cloudwatch</c>, the embedded metric extraction from function output (an
    /// <see cref="IFunctionLogSink"/>), and the hosted loop evaluating the alarms and publishing their notifications
    /// through LocalCloud's SNS.
    /// </summary>
    public static IServiceCollection AddLocalCloudWatch(this IServiceCollection services)
    {
        services.AddOptions<CloudWatchOptions>().BindConfiguration(CloudWatchOptions.Section);
        services.AddSingleton<MetricStore>();
        services.AddSingleton<AlarmStore>();
        services.AddSingleton(sp => new AlarmNotifier(
            sp.Later<SnsService>("ServiceUnavailable", "LocalCloud runs without SNS, so alarms cannot notify topics."),
            sp.GetRequiredService<LocalCloudOptions>(),
            sp.GetRequiredService<ILogger<AlarmNotifier>>()));
        services.AddSingleton<AlarmService>();
        services.AddSingleton<CloudWatchOperations>();
        services.AddSingleton<IAwsServiceEndpoint, CloudWatchEndpoint>();
        services.AddSingleton<IFunctionLogSink, EmbeddedMetricLogSink>();
        services.AddSingleton<IHostedService, AlarmEvaluationHost>();
        return services;
    }
}
