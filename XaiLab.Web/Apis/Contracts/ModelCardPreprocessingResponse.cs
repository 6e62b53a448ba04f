namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// How a slice becomes the model's input, in this order (XaiLab's <c>SlicePreprocessor</c>): a stored sample v (the
/// slice's PNG, <c>GET /api/slices/{id}/image.png</c>) becomes v / (2^bitDepth − 1) in float32 (<see cref="Scale"/>
/// "bit-depth"); the plane is resized to the input size (<see cref="Resize"/> "bilinear": pixel centres, PyTorch's
/// <c>align_corners=False</c>, <see cref="Antialias"/> false, as <c>torch.nn.functional.interpolate(mode="bilinear")</c>);
/// then (x − <see cref="Mean"/>) / <see cref="Std"/> with the run's training-split statistics; then the plane is copied
/// into every input channel (<see cref="ChannelReplication"/>). <see cref="BitDepth"/> is the dataset's bit depth;
/// a dataset that mixes depths lists them all in <see cref="BitDepths"/> (ascending) and <see cref="BitDepth"/> is the
/// most common of them (the deeper on a tie): each slice is scaled by its own depth, the one its PNG declares (an sBIT
/// chunk for 9–15 bits, else the PNG's 8 or 16).
/// </summary>
public sealed record ModelCardPreprocessingResponse(
    string Scale,
    int BitDepth,
    IReadOnlyList<int> BitDepths,
    string Resize,
    bool AlignCorners,
    bool Antialias,
    double Mean,
    double Std,
    bool ChannelReplication);
