namespace StaffDataPipeline.SampleGenerator;

/// <summary>A kind of post as an ESR export describes it, with the messy spellings real exports carry.</summary>
public sealed record PostTemplate(string[] Titles, string StaffGroup, string OccupationCode, string AreaOfWork, string[] Grades, int Weight, bool Genomics, string JobRole);

/// <summary>The posts the generator draws from: genomics roles of every taxonomy code, traps, and the rest of a trust.</summary>
public static class PostTemplates
{
    private const string Med = "Medical and Dental";
    private const string Apst = "Additional Professional Scientific and Technical";
    private const string Hcs = "Healthcare Scientists";
    private const string Nurse = "Nursing and Midwifery Registered";
    private const string Admin = "Administrative and Clerical";
    private const string ClinGen = "Clinical Genetics";
    private const string GenLab = "Genomics Laboratory";

    public static readonly PostTemplate[] Genomics =
    [
        new(["Consultant Clinical Geneticist", "Hon. Consultant in Clinical Genetics", "Consultant Cancer Geneticist"], Med, "311", ClinGen, ["Consultant"], 6, true, "Consultant"),
        new(["StR Clinical Genetics", "ST4 Clinical Genetics", "Specialty Registrar - Clinical Genetics"], Med, "311", ClinGen, ["Specialty Registrar", "StR", "ST5"], 3, true, "Specialty Registrar"),
        new(["Specialty Doctor, Clinical Genetics"], Med, "311", ClinGen, ["Specialty Doctor"], 1, true, "Specialty Doctor"),
        new(["Genetic Counsellor", "Genetic Counselor", "Genomic Counsellor", "Genetic Counsellor – Cancer"], Apst, "S3C", ClinGen, ["Band 7", "AfC Band 7", "NHS AfC Band 7"], 10, true, "Genetic Counsellor"),
        new(["Senior Genetic Counsellor"], Apst, "S3C", ClinGen, ["Band 8a", "AfC Band 8a"], 3, true, "Genetic Counsellor"),
        new(["Principal Genetic Counsellor", "Lead GC"], Apst, "S3C", ClinGen, ["Band 8A", "8b"], 3, true, "Genetic Counsellor"),
        new(["Consultant Genetic Counsellor"], Apst, "S3C", ClinGen, ["Band 8c"], 1, true, "Genetic Counsellor"),
        new(["Trainee Genetic Counsellor", "GC Trainee"], Apst, "S3C", ClinGen, ["Band 6"], 3, true, "Genetic Counsellor"),
        new(["Genetic Counselling Associate", "Genomic Associate", "Genomics Associate"], Apst, "S3C", ClinGen, ["Band 4", "Band 5"], 3, true, "Healthcare Science Associate"),
        new(["Clinical Scientist", "Clinical Scientist (Genomics)", "Clin Scientist"], Hcs, "U2B", GenLab, ["Band 7", "AfC Band 7"], 12, true, "Clinical Scientist"),
        new(["Clinical Scientist"], Hcs, "U1B", GenLab, ["Band 8b", "Band 8a"], 4, true, "Clinical Scientist"),
        new(["Prin. Clinical Scientist (Genomics)", "Principal Clinical Scientist"], Hcs, "U1B", GenLab, ["Band 8b", "AfC Band 8a"], 4, true, "Clinical Scientist"),
        new(["Consultant Clinical Scientist", "Consultant Clinical Scientist - Genomics"], Hcs, "UAB", GenLab, ["Band 8d", "Band 9"], 2, true, "Consultant Clinical Scientist"),
        new(["Trainee Clinical Scientist (STP)", "STP Trainee Clinical Scientist", "HSST Genomics"], Hcs, "U3B", GenLab, ["Band 6", "Band 7"], 4, true, "Trainee Clinical Scientist"),
        new(["Genetic Technologist", "Snr Genetic Technologist", "Healthcare Science Practitioner"], Hcs, "U5B", GenLab, ["Band 5", "Band 6"], 12, true, "Healthcare Science Practitioner"),
        new(["Assistant Practitioner", "Associate Practitioner - Genomics"], Hcs, "U6B", GenLab, ["Band 4"], 4, true, "Healthcare Science Associate"),
        new(["MLA", "Medical Laboratory Assistant", "Laboratory Support Worker"], Hcs, "U8B", GenLab, ["Band 2", "Band 3"], 6, true, "Healthcare Science Assistant"),
        new(["Clinical Bioinformatician", "Clinical Scientist (Bioinformatics)"], Hcs, "U2K", "Clinical Bioinformatics", ["Band 7", "Band 8a"], 4, true, "Clinical Scientist"),
        new(["Consultant Clinical Bioinformatician"], Hcs, "UAK", "Clinical Bioinformatics", ["Band 8d"], 1, true, "Consultant Clinical Scientist"),
        new(["STP Trainee - Bioinformatics"], Hcs, "U3K", "Clinical Bioinformatics", ["Band 6"], 1, true, "Trainee Clinical Scientist"),
        new(["Bioinformatician", "Senior Bioinformatician", "Bioinformatics Scientist"], Apst, "S9Z", "Bioinformatics", ["Band 6", "Band 7"], 4, true, "Scientist"),
        new(["Bioinformatics Software Engineer", "Genomic Data Scientist"], Admin, "G9Z", "Bioinformatics", ["Band 7", "Band 8a"], 2, true, "Manager"),
        new(["Genetic Nurse Specialist", "Clinical Nurse Specialist - Cancer Genetics"], Nurse, "N1A", ClinGen, ["Band 7"], 2, true, "Clinical Nurse Specialist"),
        new(["Genomic Practitioner"], Nurse, "N1A", "Genomic Medicine Service", ["Band 6"], 1, true, "Specialist Nurse Practitioner"),
        new(["Genomics Laboratory Manager", "GLH Operations Manager", "Quality Manager, Genomics"], Admin, "G2Z", GenLab, ["Band 8a", "Band 8b"], 3, true, "Manager"),
        new(["Genetics Secretary", "Medical Secretary - Clinical Genetics", "Genetics Administrator", "Sample Reception Coordinator"], Admin, "G1Z", ClinGen, ["Band 3", "Band 4"], 8, true, "Clerical Worker"),
        new(["Genomics Programme Officer", "Variant Interpretation Lead"], Admin, "G5Z", GenLab, ["Band 6"], 1, true, "Manager"),
    ];

    public static readonly PostTemplate[] Other =
    [
        new(["Staff Nurse", "Registered Nurse"], Nurse, "N0A", "Acute Medicine", ["Band 5"], 30, false, "Staff Nurse"),
        new(["Healthcare Assistant"], "Additional Clinical Services", "H1A", "Surgery", ["Band 2", "Band 3"], 20, false, "Healthcare Assistant"),
        new(["Consultant Physician", "Consultant - Genitourinary Medicine"], Med, "101", "General Medicine", ["Consultant"], 8, false, "Consultant"),
        new(["Clinical Scientist"], Hcs, "U2D", "Biochemistry", ["Band 7"], 4, false, "Clinical Scientist"),
        new(["Biomedical Scientist"], Hcs, "U5D", "Haematology", ["Band 5", "Band 6"], 6, false, "Biomedical Scientist"),
        new(["General Manager", "Business Manager"], Admin, "G2Z", "Surgery", ["Band 8a"], 4, false, "Manager"),
        new(["Counsellor", "Psychological Counsellor"], Apst, "S4A", "Mental Health", ["Band 6"], 3, false, "Counsellor"),
        new(["Porter", "Domestic Assistant"], "Estates and Ancillary", "P1A", "Facilities", ["Band 2"], 10, false, "Porter"),
        new(["Medical Secretary"], Admin, "G1Z", "Cardiology", ["Band 4"], 8, false, "Clerical Worker"),
        new(["Physiotherapist"], "Allied Health Professionals", "S2A", "Therapies", ["Band 6"], 7, false, "Physiotherapist"),
    ];
}
