namespace XaiLab.Engine.Training;

/// <summary>How the learning rate changes over training; see <see cref="LearningRateSchedule"/>.</summary>
public enum LearningRateScheduleKind
{
    /// <summary>The base learning rate throughout. Default of <see cref="TrainingOptions"/>.</summary>
    Constant,

    /// <summary>Keras' time-based decay as the paper used it: lr / (1 + decay * iteration), iteration = optimiser steps so far.</summary>
    TimeBasedDecay,

    /// <summary>Cosine annealing from the base rate to zero over all iterations (Loshchilov and Hutter 2017, no restarts).</summary>
    Cosine,
}
