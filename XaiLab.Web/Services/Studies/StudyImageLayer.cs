namespace XaiLab.Web.Services.Studies;

/// <summary>The images of a presentation, stacked by the rating page: the slice, the mask contour, and the saliency.</summary>
public enum StudyImageLayer
{
    /// <summary>The gray slice.</summary>
    Image,

    /// <summary>The expert mask's contour, transparent elsewhere.</summary>
    Mask,

    /// <summary>The map of a single item.</summary>
    Overlay,

    /// <summary>The map shown on the left of a pair.</summary>
    Left,

    /// <summary>The map shown on the right of a pair.</summary>
    Right,
}
