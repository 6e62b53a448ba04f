namespace XaiLab.Engine.Embeddings;

/// <summary>A t-SNE layout.</summary>
/// <param name="Coordinates">2-D coordinates stored as x0, y0, x1, y1, … in input order.</param>
/// <param name="Method">Method that computed it (never <see cref="TsneMethod.Auto"/>).</param>
/// <param name="LearningRate">Learning rate used.</param>
/// <param name="Neighbours">Neighbours per point in the affinities (all others for the exact method).</param>
public sealed record TsneResult(float[] Coordinates, TsneMethod Method, double LearningRate, int Neighbours);
