using Aspire.Hosting.ApplicationModel;

namespace Pipeline.AppHost.LocalCloud;

/// <summary>Marks the project resource that is LocalCloud, with where it answers.</summary>
public sealed record LocalCloudAnnotation(LocalCloudConnection Connection) : IResourceAnnotation;
