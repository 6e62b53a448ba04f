namespace XaiLab.Engine.Attribution.Rendering;

/// <summary>Colour scales for saliency overlays.</summary>
public enum Colormap
{
    /// <summary>Black to white.</summary>
    Gray,

    /// <summary>MATLAB/OpenCV jet: blue, cyan, yellow, red. The common saliency overlay; not perceptually uniform. Default.</summary>
    Jet,

    /// <summary>matplotlib viridis (perceptually uniform, colour-blind safe).</summary>
    Viridis,

    /// <summary>matplotlib inferno (perceptually uniform, black to pale yellow).</summary>
    Inferno,

    /// <summary>Diverging blue, white, red: for signed maps (negative blue, positive red).</summary>
    BlueRed,
}
