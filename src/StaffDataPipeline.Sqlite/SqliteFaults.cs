using Microsoft.Data.Sqlite;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>Turns what SQLite says about an unusable warehouse file into one sentence a data engineer can act on.</summary>
internal static class SqliteFaults
{
    public static void ThrowIfFolder(string databasePath)
    {
        if (Directory.Exists(databasePath))
        {
            throw new WarehouseUnavailableException(WarehouseUnavailableException.Unusable, $"The warehouse path {databasePath} is a folder, not a database file. Set --database (Warehouse:SqlitePath) to a file name.");
        }
    }

    public static WarehouseUnavailableException Translate(SqliteException ex, string databasePath) => ex.SqliteErrorCode switch
    {
        5 or 6 => new(WarehouseUnavailableException.Busy, $"The warehouse {databasePath} is locked by another process. Try again when it has finished.", ex),
        8 => new(WarehouseUnavailableException.Unusable, $"The warehouse {databasePath} is read-only: the account that runs staffdata needs write access to the file and its folder.", ex),
        11 => new(WarehouseUnavailableException.Unusable, $"The warehouse {databasePath} is damaged (SQLite reports corruption). Restore it from a backup, or load into a new file.", ex),
        26 => new(WarehouseUnavailableException.Unusable, $"{databasePath} is not a SQLite database. Point --database (Warehouse:SqlitePath) at the warehouse file, or at a new file name.", ex),
        14 => new(WarehouseUnavailableException.Unusable, $"The warehouse {databasePath} cannot be opened: its folder does not exist or cannot be written.", ex),
        _ => new(WarehouseUnavailableException.Unusable, $"The warehouse {databasePath} cannot be used: {ex.Message}", ex),
    };
}
