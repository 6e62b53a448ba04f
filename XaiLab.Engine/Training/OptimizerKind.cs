namespace XaiLab.Engine.Training;

/// <summary>Optimisers the trainer offers.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with L2 weight decay added to the gradient.</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter 2019). Default.</summary>
    AdamW,

    /// <summary>SGD with momentum (the paper used lr 1e-3, momentum 0.9395).</summary>
    Sgd,
}
