namespace XaiLab.Web.Services.Evaluations;

public static class EvaluationsHostingExtensions
{
    /// <summary>External evaluations (a run judged on another dataset).</summary>
    public static IServiceCollection AddEvaluations(this IServiceCollection services) => services.AddScoped<EvaluationService>();
}
