export * from './calls.constants';
export * from './calls.module';
export * from './calls.service';
export * from './dto/call.dto';
export * from './dto/project.dto';
export * from './funding.service';
export * from './projects.service';
