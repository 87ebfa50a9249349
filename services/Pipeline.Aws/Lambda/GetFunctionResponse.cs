namespace Pipeline.Aws.Lambda;

public sealed record GetFunctionResponse(FunctionConfiguration Configuration);
