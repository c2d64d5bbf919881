using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Sqlite;

/// <summary>Keeps dim_role, dim_grade and dim_organisation in step with the reference data files.</summary>
internal static class ReferenceDimensions
{
    public static void Sync(SqliteConnection connection, ReferenceDataSet reference)
    {
        using var tx = connection.BeginTransaction();
        connection.Execute(
            """
            INSERT INTO dim_role (role_code, role_name, role_family, typical_grade) VALUES (@Code, @Name, @Family, @TypicalGrade)
            ON CONFLICT (role_code) DO UPDATE SET role_name = excluded.role_name, role_family = excluded.role_family, typical_grade = excluded.typical_grade
            """,
            reference.Taxonomy.Roles,
            tx);
        connection.Execute(
            """
            INSERT INTO dim_grade (grade_code, grade_label, pay_scale, band, sort_order) VALUES (@Code, @Label, @PayScale, @Band, @SortOrder)
            ON CONFLICT (grade_code) DO UPDATE SET grade_label = excluded.grade_label, pay_scale = excluded.pay_scale, band = excluded.band, sort_order = excluded.sort_order
            """,
            reference.Grades.All,
            tx);
        connection.Execute(
            """
            INSERT INTO dim_organisation (organisation_code, organisation_name, organisation_type, region_code, region_name, glh)
            VALUES (@Code, @Name, @Type, @RegionCode, @RegionName, @Glh)
            ON CONFLICT (organisation_code) DO UPDATE SET organisation_name = excluded.organisation_name, organisation_type = excluded.organisation_type,
                region_code = excluded.region_code, region_name = excluded.region_name, glh = excluded.glh
            """,
            reference.Organisations.All,
            tx);
        tx.Commit();
    }
}
