namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// One map of a run's built-in saliency step: a stored attribution (<c>id</c> is its map id); <c>url</c> serves its
/// overlay PNG; <c>requestId</c> is the attribution request that computed it (<c>/api/attributions/{requestId}</c>).
/// </summary>
public sealed record SaliencyMapResponse(int Id, int SliceId, string Method, int Target, string Url, double DurationSeconds, int RequestId);
