using StaffDataPipeline.Warehouse;
using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Sqlite;

/// <summary>Rows of conformed dimensions created on first use, shared by ESR and survey batches.</summary>
internal static class SqliteDimensions
{
    /// <summary>Surrogate keys of the roles and grades, by code: both dimensions are small and loaded from reference data.</summary>
    public static (Dictionary<string, long> Roles, Dictionary<string, long> Grades) RoleAndGradeKeys(SqliteConnection connection, SqliteTransaction tx) =>
        (connection.Query<(string, long)>("SELECT role_code, role_id FROM dim_role", transaction: tx).ToDictionary(r => r.Item1, r => r.Item2),
         connection.Query<(string, long)>("SELECT grade_code, grade_id FROM dim_grade", transaction: tx).ToDictionary(r => r.Item1, r => r.Item2));

    public static int EnsureDate(SqliteConnection connection, DateOnly date, SqliteTransaction tx)
    {
        var row = DateDimension.DateRow(date);
        connection.Execute(
            "INSERT OR IGNORE INTO dim_date (date_key, calendar_date, year, month, month_name, financial_year, financial_quarter) VALUES (@date_key, @calendar_date, @year, @month, @month_name, @financial_year, @financial_quarter)",
            row,
            tx);
        return DateDimension.DateKey(date);
    }

    /// <summary>Known organisations are already there (reference data); an unknown code gets a row typed Unknown, for review.</summary>
    public static long EnsureOrganisation(SqliteConnection connection, Organisation organisation, SqliteTransaction tx) =>
        connection.QuerySingleOrDefault<long?>("SELECT organisation_id FROM dim_organisation WHERE organisation_code = @Code", organisation, tx)
        ?? connection.ExecuteScalar<long>(
            "INSERT INTO dim_organisation (organisation_code, organisation_name, organisation_type) VALUES (@Code, @Name, @Type) RETURNING organisation_id",
            organisation,
            tx);
}
