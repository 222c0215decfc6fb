/// The 11 third-level indicators of the firm-level NQP system of Song, Zhang & Pan (2024) (宋佳, 张金昌, 潘艺,
/// 当代经济管理 46(6)), as formulas over panel variables named as below. The indicator set and CSMAR field names are
/// from the paper's replication material; the formulas are the standard definitions (not printed in the paper).
///
/// Input variables (rename the download's columns to these with `renames:`):
/// revenue 营业收入 (FS_Comins.B001101000), total_assets 资产总计 (FS_Combas.A001000000),
/// fixed_assets 固定资产净额 (A001212000), intangible_assets 无形资产净额 (A001218000),
/// equity 所有者权益合计 (A003000000), op_cash_outflow 经营活动现金流出小计 (FS_Comscfd.C001200000),
/// depreciation 固定资产折旧 (FS_Comscfi.D000103000), amortization 无形资产摊销, impairment 资产减值准备,
/// cash_paid_goods 购买商品、接受劳务支付的现金, cash_paid_employees 支付给职工以及为职工支付的现金,
/// rd_staff 研发人员数量 (PT_LCRDSPENDING.RDPerson), employees 员工总数, high_edu_staff 本科及以上学历人数,
/// rd_salary / rd_dep_amort / rd_lease / rd_direct: 研发费用 by nature (职工薪酬 / 折旧摊销 / 租赁费 / 直接投入)
/// from the R&D-expense note.
public enum DefaultIndicators {
    public static let songZhangPan2024: [IndicatorDefinition] = [
        .init(name: "rd_salary_ratio", formula: "rd_salary / revenue",
              label: "研发人员薪资占比 R&D staff pay / operating revenue", unit: "ratio"),
        .init(name: "rd_staff_ratio", formula: "rd_staff / employees",
              label: "研发人员占比 R&D staff / employees", unit: "ratio"),
        .init(name: "high_edu_ratio", formula: "high_edu_staff / employees",
              label: "高学历人员占比 bachelor+ staff / employees", unit: "ratio"),
        .init(name: "fixed_asset_ratio", formula: "fixed_assets / total_assets",
              label: "固定资产占比 fixed assets / total assets", unit: "ratio"),
        .init(name: "manufacturing_cost_ratio",
              formula: "(op_cash_outflow + depreciation + amortization + impairment - cash_paid_goods"
                  + " - cash_paid_employees) / (op_cash_outflow + depreciation + amortization + impairment)",
              label: "制造费用占比 manufacturing cost share", unit: "ratio"),
        .init(name: "rd_dep_amort_ratio", formula: "rd_dep_amort / revenue",
              label: "研发折旧摊销占比 R&D depreciation & amortisation / revenue", unit: "ratio"),
        .init(name: "rd_lease_ratio", formula: "rd_lease / revenue",
              label: "研发租赁费占比 R&D lease cost / revenue", unit: "ratio"),
        .init(name: "rd_direct_ratio", formula: "rd_direct / revenue",
              label: "研发直接投入占比 R&D direct inputs / revenue", unit: "ratio"),
        .init(name: "intangible_asset_ratio", formula: "intangible_assets / total_assets",
              label: "无形资产占比 intangible assets / total assets", unit: "ratio"),
        .init(name: "asset_turnover", formula: "revenue / mean_lag(total_assets)",
              label: "总资产周转率 revenue / average total assets", unit: "times"),
        .init(name: "equity_multiplier_rec", formula: "equity / total_assets",
              label: "权益乘数倒数 equity / total assets", unit: "ratio"),
    ]
}
