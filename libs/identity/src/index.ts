export * from './access/department-scope';
export * from './auth.service';
export * from './department-directory.service';
export * from './dto/department.dto';
export * from './dto/user.dto';
export * from './identity.module';
export * from './users.service';
export * from './identity.errors';
