using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace XaiLab.Data;

/// <summary>Stores instants as UTC ticks (a 64-bit integer) so SQLite can sort and compare them.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
