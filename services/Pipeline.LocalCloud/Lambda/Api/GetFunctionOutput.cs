namespace Pipeline.LocalCloud.Lambda.Api;

internal sealed record GetFunctionOutput(FunctionConfigurationOutput Configuration, FunctionCodeLocationOutput Code, ConcurrencyDocument? Concurrency);
