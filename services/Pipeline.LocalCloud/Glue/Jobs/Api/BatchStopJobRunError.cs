using Pipeline.LocalCloud.Glue.Api;

namespace Pipeline.LocalCloud.Glue.Jobs.Api;

internal sealed record BatchStopJobRunError(string JobName, string JobRunId, ErrorDetail ErrorDetail);
