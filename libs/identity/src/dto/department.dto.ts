export class ReferentDto {
  id: string;
  displayName: string;
}

export class DepartmentDirectoryEntryDto {
  code: string;
  name: string;
  population: number;
  referents: ReferentDto[];
}

export class DepartmentListDto {
  items: DepartmentDirectoryEntryDto[];
  total: number;
}
