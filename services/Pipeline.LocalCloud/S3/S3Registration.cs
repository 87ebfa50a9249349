using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.S3.Multipart;
using Pipeline.LocalCloud.S3.Notifications;
using Pipeline.LocalCloud.S3.Operations;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3;

public static class S3Registration
{
    /// <summary>
    /// The object store (<see cref="IObjectStore"/>, backed by <see cref="FileObjectStore"/> under
    /// <c>&lt;DataDirectory&gt;/s3</c>) and the S3 endpoint serving it. Firehose and the engines resolve the same store.
    /// </summary>
    public static IServiceCollection AddLocalS3(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new FileObjectStore(
            sp.GetRequiredService<LocalCloudOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FileObjectStore>>()));
        services.TryAddSingleton<IObjectStore>(sp => sp.GetRequiredService<FileObjectStore>());
        services.TryAddSingleton(sp => new MultipartUploadStore(
            Path.Combine(sp.GetRequiredService<LocalCloudOptions>().DataDirectory, FileObjectStore.FolderName, "uploads")));
        services.TryAddSingleton<BucketOperations>();
        services.TryAddSingleton<ObjectOperations>();
        services.TryAddSingleton<MultipartOperations>();
        services.TryAddSingleton(sp => new NotificationConfigurationStore(
            Path.Combine(sp.GetRequiredService<LocalCloudOptions>().DataDirectory, FileObjectStore.FolderName, "notifications")));
        services.AddSingleton<S3EventNotifier>();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => sp.GetRequiredService<S3EventNotifier>());
        services.AddSingleton<IAwsServiceEndpoint, S3Endpoint>();
        return services;
    }
}
