namespace XaiLab.Engine.Models;

/// <summary>How a classifier turns its last feature map into class logits.</summary>
public enum HeadKind
{
    /// <summary>Global average pooling, then one linear layer (default: size-independent, fewer parameters).</summary>
    GlobalAveragePool,

    /// <summary>The paper's Flatten + Dense: ties the model to one input size.</summary>
    Flatten,
}
