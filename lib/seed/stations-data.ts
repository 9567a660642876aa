/** Police stations (派出所) per county-level unit; each belongs to exactly one unit. */
export type StationSeed = { code: string; countyCode: string; name: string; address: string; phone: string };

export const STATIONS: StationSeed[] = [
  { code: "411202-01", countyCode: "411202", name: "三门峡市公安局湖滨分局前进派出所", address: "湖滨区崤山路中段", phone: "0398-2811101" },
  { code: "411202-02", countyCode: "411202", name: "三门峡市公安局湖滨分局车站派出所", address: "湖滨区黄河路东段", phone: "0398-2811102" },
  { code: "411202-03", countyCode: "411202", name: "三门峡市公安局湖滨分局涧河派出所", address: "湖滨区六峰路", phone: "0398-2811103" },
  { code: "411203-01", countyCode: "411203", name: "三门峡市公安局陕州分局大营派出所", address: "陕州区大营镇人民路", phone: "0398-3811101" },
  { code: "411203-02", countyCode: "411203", name: "三门峡市公安局陕州分局原店派出所", address: "陕州区原店镇", phone: "0398-3811102" },
  { code: "411221-01", countyCode: "411221", name: "渑池县公安局城关派出所", address: "渑池县城关镇韶州路", phone: "0398-4811101" },
  { code: "411221-02", countyCode: "411221", name: "渑池县公安局英豪派出所", address: "渑池县英豪镇", phone: "0398-4811102" },
  { code: "411224-01", countyCode: "411224", name: "卢氏县公安局城关派出所", address: "卢氏县城关镇莘川大道", phone: "0398-7811101" },
  { code: "411224-02", countyCode: "411224", name: "卢氏县公安局东明派出所", address: "卢氏县东明镇", phone: "0398-7811102" },
  { code: "411281-01", countyCode: "411281", name: "义马市公安局千秋路派出所", address: "义马市千秋路", phone: "0398-5811101" },
  { code: "411281-02", countyCode: "411281", name: "义马市公安局泰山路派出所", address: "义马市泰山路", phone: "0398-5811102" },
  { code: "411282-01", countyCode: "411282", name: "灵宝市公安局城关派出所", address: "灵宝市函谷路", phone: "0398-8811101" },
  { code: "411282-02", countyCode: "411282", name: "灵宝市公安局函谷关派出所", address: "灵宝市函谷关镇", phone: "0398-8811102" },
  { code: "SMX-SFQ-01", countyCode: "SMX-SFQ", name: "三门峡市公安局城乡一体化示范区分局阳店派出所", address: "城乡一体化示范区阳店镇", phone: "0398-2911101" },
  {
    code: "SMX-SFQ-02",
    countyCode: "SMX-SFQ",
    name: "三门峡市公安局城乡一体化示范区分局向阳派出所",
    address: "城乡一体化示范区向阳街道",
    phone: "0398-2911102",
  },
  { code: "SMX-KFQ-01", countyCode: "SMX-KFQ", name: "三门峡市公安局经济开发区分局东区派出所", address: "经济开发区209国道东侧", phone: "0398-2921101" },
  { code: "SMX-KFQ-02", countyCode: "SMX-KFQ", name: "三门峡市公安局经济开发区分局产业园派出所", address: "经济开发区产业集聚区", phone: "0398-2921102" },
];

/** Community collective households (社区集体户) set up with police approval (二(三)). */
export const COLLECTIVE_HOUSEHOLDS = [
  { name: "湖滨区前进街道社区集体户", stationCode: "411202-01", address: "湖滨区前进街道办事处", approvingOffice: "三门峡市公安局湖滨分局" },
  { name: "湖滨区车站街道社区集体户", stationCode: "411202-02", address: "湖滨区车站街道办事处", approvingOffice: "三门峡市公安局湖滨分局" },
  { name: "陕州区大营镇社区集体户", stationCode: "411203-01", address: "陕州区大营镇人民政府", approvingOffice: "三门峡市公安局陕州分局" },
  { name: "灵宝市城关镇社区集体户", stationCode: "411282-01", address: "灵宝市城关镇人民政府", approvingOffice: "灵宝市公安局" },
  { name: "经济开发区东区社区集体户", stationCode: "SMX-KFQ-01", address: "经济开发区管委会", approvingOffice: "三门峡市公安局经济开发区分局" },
];
